// Settings of the sample site: the seed feed of Kazakh news, December 2025, in English (at /),
// Kazakh (/kk/) and Russian (/ru/). Every option, its default and its meaning: docs/configuration.md;
// languages and translations: docs/languages.md.
import { defineConfig } from './src/config.js';

export default defineConfig({
  title: 'Broadsheet News',
  description: 'News from Kazakhstan and its partners abroad.',
  baseUrl: 'http://localhost:4321/',
  language: 'en',
  timeZone: 'Asia/Almaty',
  publisher: 'Broadsheet',
  languages: {
    en: {},
    kk: { title: 'Broadsheet жаңалықтары', description: 'Қазақстан мен оның шетелдегі серіктестері туралы жаңалықтар.' },
    ru: { title: 'Новости Broadsheet', description: 'Новости Казахстана и его партнёров за рубежом.' },
  },
});
