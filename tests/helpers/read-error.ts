import { ReadError } from '../../src/model/document.ts';

/** The ReadError a reader rejects with; fails the test if it resolves or throws anything else. */
export async function readError(p: Promise<unknown>): Promise<ReadError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ReadError) return e;
    throw e;
  }
  throw new Error('expected a ReadError');
}
