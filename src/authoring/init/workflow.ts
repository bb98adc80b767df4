// The GitHub Actions workflow `broadsheet init` writes to .github/workflows/pages.yml: on a pull
// request, `check --format github` (problems marked on the article's lines, all of them in the
// run's summary); on a push to main, every hour and by hand, a build published with GitHub Pages,
// its .cache/ and its output (dist, .dist.builds/) kept between runs, so that a publish there
// costs what it costs on the newsroom's own machine. Written as data through the `yaml` package,
// comments included.

import { Document, isMap, isScalar, isSeq, type YAMLMap } from 'yaml';

const CHECKOUT = { uses: 'actions/checkout@v4' };
const SETUP_NODE = { uses: 'actions/setup-node@v4', with: { 'node-version': 22, cache: 'npm' } };
const INSTALL = { run: 'npm ci' };

/** The workflow as data; comments are added by workflowText. */
function workflow(): Record<string, unknown> {
  return {
    name: 'Build and deploy',
    on: {
      push: { branches: ['main'] },
      pull_request: null,
      schedule: [{ cron: '7 * * * *' }],
      workflow_dispatch: null,
    },
    permissions: { contents: 'read' },
    jobs: {
      check: {
        if: "github.event_name == 'pull_request'",
        'runs-on': 'ubuntu-latest',
        steps: [CHECKOUT, SETUP_NODE, INSTALL, { run: 'npm run check -- --format github' }],
      },
      build: {
        if: "github.event_name != 'pull_request'",
        'runs-on': 'ubuntu-latest',
        concurrency: { group: 'pages', 'cancel-in-progress': false },
        steps: [
          CHECKOUT,
          SETUP_NODE,
          INSTALL,
          {
            uses: 'actions/cache@v4',
            with: {
              path: '.cache\ndist\n.dist.builds\n',
              key: "broadsheet-${{ runner.os }}-${{ hashFiles('package-lock.json') }}-${{ github.sha }}",
              'restore-keys': "broadsheet-${{ runner.os }}-${{ hashFiles('package-lock.json') }}-\n",
            },
          },
          { id: 'pages', uses: 'actions/configure-pages@v5' },
          { run: 'npm run build -- --base-url "${{ steps.pages.outputs.base_url }}/"' },
          { uses: 'actions/upload-pages-artifact@v3', with: { path: 'dist' } },
        ],
      },
      deploy: {
        needs: 'build',
        'runs-on': 'ubuntu-latest',
        permissions: { pages: 'write', 'id-token': 'write' },
        concurrency: { group: 'pages', 'cancel-in-progress': false },
        environment: { name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}' },
        steps: [{ id: 'deployment', uses: 'actions/deploy-pages@v4' }],
      },
    },
  };
}

/** The step of job `job` whose `key` is `value`, in the document. */
function stepOf(doc: Document, job: string, key: string, value: string): YAMLMap | undefined {
  const steps = doc.getIn(['jobs', job, 'steps']);
  if (!isSeq(steps)) return undefined;
  return steps.items.find((step): step is YAMLMap => isMap(step) && step.get(key) === value);
}

/** The text of .github/workflows/pages.yml. */
export function workflowText(): string {
  const doc = new Document(workflow(), { aliasDuplicateObjects: false });
  doc.commentBefore = [
    ' Checks every pull request, marking problems on the lines of the articles; builds the site and',
    ' publishes it with GitHub Pages on every push to main, and every hour, so that articles dated in',
    ' the future go live on time. Settings > Pages > Source must be "GitHub Actions".',
  ].join('\n');
  const cache = stepOf(doc, 'build', 'uses', 'actions/cache@v4');
  if (cache) {
    cache.commentBefore = [
      " Broadsheet's cache and the last build's output, kept between runs: a publish renders and",
      ' writes only what it changes, as on your own machine. Each run saves under its commit and',
      ' starts from the newest earlier one; a stale or damaged cache, or an output that is not as',
      ' the last build left it, means a whole build.',
    ].join('\n');
  }
  const build = stepOf(doc, 'build', 'run', 'npm run build -- --base-url "${{ steps.pages.outputs.base_url }}/"');
  if (build) build.commentBefore = ' A site at https://<owner>.github.io/<repository>/: Pages gives the address.';
  const cron = doc.getIn(['on', 'schedule', 0, 'cron'], true);
  if (isScalar(cron)) cron.type = 'QUOTE_SINGLE';
  return doc.toString({ lineWidth: 0, nullStr: '' });
}
