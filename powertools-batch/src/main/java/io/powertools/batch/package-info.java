/**
 * Partial batch failure reporting for SQS (standard and FIFO), Kinesis Data Streams and DynamoDB
 * Streams: {@link io.powertools.batch.SqsBatchProcessor},
 * {@link io.powertools.batch.KinesisBatchProcessor} and
 * {@link io.powertools.batch.DynamoDbBatchProcessor} run a handler per record, sequentially or in
 * parallel inside the invocation's scope, and return the response Lambda needs to retry only the
 * records that failed.
 */
package io.powertools.batch;
