/** A row that breaks a model rule: names the file, row and field so a person can fix it. */
export class RowError extends Error {
  readonly code = 'BAD_ROW';
  constructor(
    readonly file: string,
    readonly row: number,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${file}, row ${row}, field "${field}": ${reason}`);
    this.name = 'RowError';
  }
}
