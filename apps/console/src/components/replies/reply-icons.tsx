import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AudioOutlined,
  CalendarOutlined,
  CreditCardOutlined,
  CustomerServiceOutlined,
  EnvironmentOutlined,
  FileTextOutlined,
  GiftOutlined,
  MessageOutlined,
  PictureOutlined,
  SearchOutlined,
  SoundOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import type { ReplyActionType } from './reply-actions.ts';

export const REPLY_ICONS: Record<ReplyActionType, ReactNode> = {
  text: <MessageOutlined />,
  image: <PictureOutlined />,
  voice: <AudioOutlined />,
  video: <VideoCameraOutlined />,
  music: <SoundOutlined />,
  news: <FileTextOutlined />,
  transfer_customer_service: <CustomerServiceOutlined />,
  flow: <ApartmentOutlined />,
  search: <SearchOutlined />,
  stores_nearby: <EnvironmentOutlined />,
  member_card: <CreditCardOutlined />,
  coupon: <GiftOutlined />,
  checkin: <CalendarOutlined />,
};
