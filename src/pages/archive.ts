// Date archives, grouped in the site's time zone: /archive/ lists years and months with counts,
// /YYYY/ lists that year's months, /YYYY/MM/ and /YYYY/MM/DD/ list their articles (paginated).

import type { SiteConfig } from '../config.js';
import { dayName, monthName } from '../dates.js';
import type { MonthGroup, Site, YearGroup } from '../model.js';
import { archiveUrl, dayUrl, homeUrl, monthUrl, yearUrl } from '../urls.js';
import { listPages } from './list.js';
import { lastModified } from './views.js';
import type { PageSpec } from './types.js';

function monthSummary(month: MonthGroup, locale: string) {
  return {
    name: monthName(month.year, month.month, locale),
    year: month.year,
    month: month.month,
    url: monthUrl(month.year, month.month),
    count: month.articles.length,
  };
}

function yearSummary(year: YearGroup, locale: string) {
  return {
    name: year.year,
    url: yearUrl(year.year),
    count: year.articles.length,
    months: year.months.map((month) => monthSummary(month, locale)),
  };
}

export function* archivePages(site: Site, config: SiteConfig): Generator<PageSpec> {
  const locale = config.language;
  const home = { name: 'Home', url: homeUrl() };
  const archive = { name: 'Archive', url: archiveUrl() };
  yield {
    kind: 'archive',
    url: archiveUrl(),
    template: 'archive',
    title: 'Archive',
    description: `Every month of ${config.title}, newest first.`,
    breadcrumbs: [home],
    lastModified: lastModified(site.articles),
    data: { years: site.years.map((year) => yearSummary(year, locale)) },
  };

  for (const year of site.years) {
    const yearCrumb = { name: year.year, url: yearUrl(year.year) };
    yield {
      kind: 'year',
      url: yearUrl(year.year),
      template: 'year',
      title: year.year,
      description: `News from ${config.title} in ${year.year}, by month.`,
      breadcrumbs: [home, archive],
      lastModified: lastModified(year.articles),
      data: { year: yearSummary(year, locale) },
    };
    for (const month of year.months) {
      const name = monthName(month.year, month.month, locale);
      yield* listPages({
        kind: 'month',
        template: 'month',
        listUrl: monthUrl(month.year, month.month),
        title: name,
        description: `News from ${config.title} in ${name}.`,
        articles: month.articles,
        pageSize: config.pageSize,
        breadcrumbs: [home, archive, yearCrumb],
        data: {
          days: month.days.map((day) => ({
            name: dayName(day.year, day.month, day.day, locale),
            day: day.day,
            url: dayUrl(day.year, day.month, day.day),
            count: day.articles.length,
          })),
        },
      });
      const monthCrumb = { name, url: monthUrl(month.year, month.month) };
      for (const day of month.days) {
        const title = dayName(day.year, day.month, day.day, locale);
        yield* listPages({
          kind: 'day',
          template: 'day',
          listUrl: dayUrl(day.year, day.month, day.day),
          title,
          description: `News from ${config.title} on ${title}.`,
          articles: day.articles,
          pageSize: config.pageSize,
          breadcrumbs: [home, archive, yearCrumb, monthCrumb],
        });
      }
    }
  }
}
