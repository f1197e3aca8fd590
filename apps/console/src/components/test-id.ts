import type { ButtonProps } from 'antd';

/** For antd props objects that are not JSX (okButtonProps…), where `data-testid` needs a cast. */
export function buttonTestId(id: string): ButtonProps {
  return { 'data-testid': id } as ButtonProps;
}
