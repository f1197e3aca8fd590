// The peer: node-webot's `wechat` middleware on express, doing what its README shows — signature check,
// decrypt, parse, keyword reply, encrypt — and persisting nothing. Same keywords as our benchmark account.
const express = require('express');
const wechat = require('wechat');

const config = { token: process.env.WX_TOKEN, appid: process.env.WX_APPID, encodingAESKey: process.env.WX_AES_KEY };
const app = express();
app.use(
  '/wx',
  wechat(
    config,
    wechat
      .text((message, req, res) => {
        const content = message.Content;
        if (content === '营业时间') return res.reply('每天 9:00–21:00');
        if (content.includes('牛仔裤')) return res.reply([{ title: '新款牛仔裤', description: '', picurl: '', url: 'https://shop.example.com/jeans' }]);
        return res.reply('收到，稍后回复您');
      })
      .event((message, req, res) => res.reply(message.Event === 'subscribe' ? '欢迎关注掌柜！' : '')),
  ),
);
const server = app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`peer listening on ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
