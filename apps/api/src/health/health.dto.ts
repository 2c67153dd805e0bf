export class HealthDto {
  /** `ok` when every check passed. */
  status!: 'ok';
  /** Each check by name (`database`, `migrations`), `up`. */
  checks!: Record<string, 'up'>;
}
