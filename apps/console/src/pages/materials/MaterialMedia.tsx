import { SoundOutlined } from '@ant-design/icons';
import type { MaterialView } from '@zhanggui/shared';
import { materialsApi } from '../../api/materials.api.ts';

/** The material itself, from this server: the picture, or a player for voice and video. */
export function MaterialMedia({ accountId, material }: { accountId: number; material: MaterialView }) {
  const src = materialsApi.fileUrl(accountId, material.id);
  switch (material.kind) {
    case 'image':
    case 'thumb':
      return <img src={src} alt={material.title ?? material.name} loading="lazy" className="zg-material-image" />;
    case 'voice':
      return (
        <div className="zg-material-voice">
          <SoundOutlined />
          <audio controls preload="none" src={src} />
        </div>
      );
    case 'video':
      return <video controls preload="metadata" src={src} className="zg-material-video" />;
  }
}
