import { existsSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCS, headingAnchors, linkTargets, ROOT, readDoc, relativeLinks } from './markdown.js';

// A clone must be readable on its own: every link of README.md and docs/ lands on a file of
// the repository (and on a heading there, when it names one), never beside it. A link from
// docs/ to a file at the top is written from the repository's root (`/schema.graphql`, as
// GitHub reads it), never climbing out of its folder with `../`.
describe.each(DOCS)('%s', (path) => {
  it('links only to files of the repository, and to headings they have', () => {
    const broken: string[] = [];
    for (const link of relativeLinks(readDoc(path))) {
      const [file = '', anchor] = link.split('#');
      const fromRoot = file.startsWith('/');
      const target = file
        ? normalize(fromRoot ? file.slice(1) : join(dirname(path), decodeURI(file)))
        : path;
      if (file.startsWith('../')) broken.push(`${link}: climbs out of ${dirname(path)}`);
      else if (target.startsWith('..') || !existsSync(join(ROOT, target))) {
        broken.push(`${link}: no file ${target} in the repository`);
      } else if (anchor && target.endsWith('.md') && statSync(join(ROOT, target)).isFile()) {
        if (!headingAnchors(readDoc(target)).has(anchor)) {
          broken.push(`${link}: no heading #${anchor} in ${target}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('links nothing outside the repository (a clone may be read offline)', () => {
    const outside = linkTargets(readDoc(path)).filter((t) => /^[a-z][a-z0-9+.-]*:/i.test(t));
    expect(outside).toEqual([]);
  });
});

describe('README.md', () => {
  it('fits a screen-read: 300 lines at most', () => {
    expect(readDoc('README.md').split('\n').length).toBeLessThanOrEqual(300);
  });

  it('links every document of docs/', () => {
    const linked = new Set(relativeLinks(readDoc('README.md')).map((l) => l.split('#')[0]));
    const unlinked = DOCS.filter((path) => path.startsWith('docs/') && !linked.has(path));
    expect(unlinked).toEqual([]);
  });
});
