// Date archives, grouped in the site's time zone: /archive/ lists years and months with counts,
// /YYYY/ lists that year's months, /YYYY/MM/ and /YYYY/MM/DD/ list their articles (paginated).

import type { SiteConfig } from '../config.js';
import { dayName, monthName } from '../date-display.js';
import { archiveUrl, dayUrl, homeUrl, monthUrl, yearUrl } from '../urls.js';
import { listGroup } from './list.js';
import { lastModified } from './views.js';
import type { MonthGroup, Site, YearGroup } from '../types/index.js';
import type { PageGroup, PageSpec } from '../types/index.js';
import { groupIds, groupKey } from './groups.js';
import type { UiText } from './ui-text.js';

function monthSummary(month: MonthGroup, locale: string, prefix: string) {
  return {
    name: monthName(month.year, month.month, locale),
    year: month.year,
    month: month.month,
    url: monthUrl(month.year, month.month, prefix),
    count: month.articles.length,
  };
}

function yearSummary(year: YearGroup, locale: string, prefix: string) {
  return {
    name: year.year,
    url: yearUrl(year.year, prefix),
    count: year.articles.length,
    months: year.months.map((month) => monthSummary(month, locale, prefix)),
  };
}

/** /archive/ ("archive"), then per year its page ("year:2025"), each month's list ("month:2025/12") and each day's ("day:2025/12/18"). */
export function* archiveGroups(site: Site, config: SiteConfig, text: UiText): Generator<PageGroup> {
  const locale = text.language.locale;
  const prefix = config.urlPrefix;
  const home = { name: text.text('breadcrumbs.home'), url: homeUrl(prefix) };
  const archive = { name: text.text('archive.title'), url: archiveUrl(prefix) };
  const about = (key: string, values: Record<string, string> = {}) => text.text(key, { ...values, site: config.title });
  yield {
    id: groupIds.archive(),
    key: 'archive',
    pages: () => [
      {
        kind: 'archive',
        url: archiveUrl(prefix),
        template: 'archive',
        title: archive.name,
        description: about('archive.description'),
        breadcrumbs: [home],
        lastModified: lastModified(site.articles),
        data: { years: site.years.map((year) => yearSummary(year, locale, prefix)) },
      },
    ],
  };

  for (const year of site.years) {
    const yearCrumb = { name: year.year, url: yearUrl(year.year, prefix) };
    const yearId = groupIds.year(year.year);
    yield {
      id: yearId,
      key: groupKey(yearId),
      pages: () => [
        {
          kind: 'year',
          url: yearUrl(year.year, prefix),
          template: 'year',
          title: year.year,
          description: about('year.description', { year: year.year }),
          breadcrumbs: [home, archive],
          lastModified: lastModified(year.articles),
          data: { year: yearSummary(year, locale, prefix) },
        },
      ],
    };
    for (const month of year.months) {
      // Names are made when pages are planned, not for every group listed (the dev server lists them all).
      const name = () => monthName(month.year, month.month, locale);
      yield listGroup(
        groupIds.month(month.year, month.month),
        () => ({
          kind: 'month',
          template: 'month',
          listUrl: monthUrl(month.year, month.month, prefix),
          title: name(),
          description: about('month.description', { month: name() }),
          articles: month.articles,
          pageSize: config.pageSize,
          breadcrumbs: [home, archive, yearCrumb],
          text,
          // The days and their counts grow with the month: on its first page only (the numbered ones are fixed).
          data: { days: [] },
          firstPageData: () => ({
            days: month.days.map((day) => ({
              name: dayName(day.year, day.month, day.day, locale),
              day: day.day,
              url: dayUrl(day.year, day.month, day.day, prefix),
              count: day.articles.length,
            })),
          }),
        }),
        month.articles,
        config.pageSize,
      );
      for (const day of month.days) {
        yield listGroup(
          groupIds.day(day.year, day.month, day.day),
          () => {
            const title = dayName(day.year, day.month, day.day, locale);
            return {
              kind: 'day',
              template: 'day',
              listUrl: dayUrl(day.year, day.month, day.day, prefix),
              title,
              description: about('day.description', { day: title }),
              articles: day.articles,
              pageSize: config.pageSize,
              breadcrumbs: [home, archive, yearCrumb, { name: name(), url: monthUrl(month.year, month.month, prefix) }],
              text,
            };
          },
          day.articles,
          config.pageSize,
        );
      }
    }
  }
}

