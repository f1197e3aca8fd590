import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const server = 'http://127.0.0.1:3000';

// Vendor code is split by library so a change in the console does not invalidate the vendors' cache.
// Only antd's shared runtime (CSS-in-JS, motion, popups) is grouped; each antd component and its
// @rc-component implementation stays with the pages that use it, so the login page does not download
// the table, the date picker or the inbox.
const vendorGroups = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|cookie|set-cookie-parser)[\\/]/, priority: 30 },
  { name: 'antd-icons', test: /node_modules[\\/]@ant-design[\\/](icons|icons-svg)[\\/]/, priority: 25 },
  {
    name: 'antd-runtime',
    test: /node_modules[\\/](@ant-design[\\/](cssinjs|cssinjs-utils|colors|fast-color)|@rc-component[\\/](util|motion|trigger|portal|resize-observer|context)|@emotion|stylis|@babel[\\/]runtime|classnames|clsx)[\\/]/,
    priority: 20,
  },
  { name: 'dayjs', test: /node_modules[\\/]dayjs[\\/]/, priority: 20 },
];

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: server, changeOrigin: false },
      '/wx': { target: server, changeOrigin: false },
    },
  },
});
