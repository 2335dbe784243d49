-- Flyway runs this in each migration's own transaction, just before it: a migration runs without the
-- bounds every connection of the service puts on a request's transactions (petition.db: statement,
-- idle and transaction timeouts), since on a deployment's data one may rightly take minutes
-- (V18_4 fills the count buckets from every petition counted). SET LOCAL: the pooled connection
-- goes back to the service with its bounds. (TransactionBounds lifts them the same way.)
SET LOCAL statement_timeout = 0;
SET LOCAL idle_in_transaction_session_timeout = 0;
SET LOCAL transaction_timeout = 0;
