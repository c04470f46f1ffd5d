import type postgres from 'postgres';

/** The root client or a transaction: repository functions work inside either. */
export type SqlLike = postgres.Sql | postgres.TransactionSql;
