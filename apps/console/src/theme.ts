import type { ThemeConfig } from 'antd';

/** WeChat's green, a little deeper so white text on it stays readable; calm greys around it. */
export const BRAND_GREEN = '#07b05a';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_GREEN,
    colorInfo: '#2f7df6',
    colorSuccess: '#07b05a',
    colorWarning: '#f59f00',
    colorError: '#e5484d',
    colorLink: '#0a8f4c',
    colorBgLayout: '#f4f5f7',
    colorTextBase: '#1f2329',
    borderRadius: 8,
    borderRadiusLG: 10,
    fontSize: 14,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
    controlHeight: 34,
    wireframe: false,
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerHeight: 56, headerPadding: '0 20px' },
    Menu: { itemBorderRadius: 8, itemMarginInline: 8, itemHeight: 40, itemSelectedBg: '#e8f7ef', itemSelectedColor: '#078a47' },
    Card: { headerFontSize: 15 },
    Table: { headerBg: '#fafafb', rowHoverBg: '#f6fbf8', rowSelectedBg: '#f1faf5', rowSelectedHoverBg: '#e8f6ee' },
    Statistic: { contentFontSize: 26 },
  },
};
