import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * vitest's order (the slowest files of the last run first; without a last run, as in a
 * fresh clone or CI, the largest files first), with the process tests (test/ops) ahead of
 * everything: they are the longest files, and a long file started last keeps one worker
 * busy after the other has finished.
 */
export class ProcessTestsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isProcessTest = (file: TestSpecification) => file.moduleId.includes('/test/ops/');
    return [...sorted.filter(isProcessTest), ...sorted.filter((file) => !isProcessTest(file))];
  }
}
