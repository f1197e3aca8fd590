import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const server = 'http://127.0.0.1:3000';

// React and the router change less often than the pages: their own chunk stays cached between releases.
// The staff till is loaded on demand, so a fan's first visit downloads only the fan pages.
const vendorGroups = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|cookie|set-cookie-parser)[\\/]/, priority: 30 },
];

export default defineConfig({
  base: '/h5/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
  server: {
    port: 5174,
    proxy: {
      '/h5/api': { target: server, changeOrigin: false },
      '/api': { target: server, changeOrigin: false },
    },
  },
});
