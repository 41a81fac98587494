import { ReadError, type Reader } from '../model/document.ts';

// Placeholder until the PDF reader lands (issue 5): such files are rejected with a clear reason.
export const readPdf: Reader = () => {
  throw new ReadError('unsupported-format', 'PDF files are not read yet; convert the file to HTML or text and ingest it again');
};
