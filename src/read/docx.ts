import { ReadError, type Reader } from '../model/document.ts';

// Placeholder until the DOCX reader lands (issue 5): such files are rejected with a clear reason.
export const readDocx: Reader = () => {
  throw new ReadError('unsupported-format', 'DOCX files are not read yet; convert the file to HTML or text and ingest it again');
};
