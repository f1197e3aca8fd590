import { Spin } from 'antd';

export function FullPageSpinner() {
  return (
    <div className="zg-center-screen">
      <Spin size="large" />
    </div>
  );
}

export function PageSpinner() {
  return (
    <div className="zg-page-spinner">
      <Spin />
    </div>
  );
}
