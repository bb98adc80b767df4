// Settings of the sample site: the seed feed of Kazakh news, December 2025.
// Every option, its default and its meaning: docs/configuration.md.
import { defineConfig } from './src/config.js';

export default defineConfig({
  title: 'Broadsheet News',
  description: 'News from Kazakhstan and its partners abroad.',
  baseUrl: 'http://localhost:4321/',
  language: 'en',
  timeZone: 'Asia/Almaty',
  publisher: 'Broadsheet',
});
