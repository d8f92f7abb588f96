/** The two databases every query and migration must run on. */
export type Dialect = 'sqlite' | 'postgres';
