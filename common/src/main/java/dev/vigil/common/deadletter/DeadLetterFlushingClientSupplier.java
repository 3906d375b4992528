package dev.vigil.common.deadletter;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaClientSupplier;

/**
 * Kafka Streams' clients, with a producer that stores the pending dead letters before every commit:
 * under exactly-once Kafka Streams commits the offsets in the producer's transaction, under
 * at-least-once it flushes the producer before committing them. Either way a record's offset is
 * committed only after its dead letter is stored.
 */
public final class DeadLetterFlushingClientSupplier implements KafkaClientSupplier {

  private final DeadLetterPublisher deadLetters;

  public DeadLetterFlushingClientSupplier(DeadLetterPublisher deadLetters) {
    this.deadLetters = deadLetters;
  }

  @Override
  public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
    return new FlushingProducer(
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()),
        deadLetters);
  }

  @Override
  public Admin getAdmin(Map<String, Object> config) {
    return Admin.create(config);
  }

  @Override
  public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  @Override
  public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
    return getConsumer(config);
  }

  @Override
  public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
    return getConsumer(config);
  }

  private record FlushingProducer(
      Producer<byte[], byte[]> producer, DeadLetterPublisher deadLetters)
      implements Producer<byte[], byte[]> {

    @Override
    public void flush() {
      deadLetters.flush();
      producer.flush();
    }

    @Override
    public void commitTransaction() {
      deadLetters.flush();
      producer.commitTransaction();
    }

    @Override
    public void initTransactions() {
      producer.initTransactions();
    }

    @Override
    public void beginTransaction() {
      producer.beginTransaction();
    }

    @Override
    public void sendOffsetsToTransaction(
        Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata groupMetadata) {
      producer.sendOffsetsToTransaction(offsets, groupMetadata);
    }

    @Override
    public void abortTransaction() {
      producer.abortTransaction();
    }

    @Override
    public void registerMetricForSubscription(KafkaMetric metric) {
      producer.registerMetricForSubscription(metric);
    }

    @Override
    public void unregisterMetricFromSubscription(KafkaMetric metric) {
      producer.unregisterMetricFromSubscription(metric);
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
      return producer.send(record);
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
      return producer.send(record, callback);
    }

    @Override
    public List<PartitionInfo> partitionsFor(String topic) {
      return producer.partitionsFor(topic);
    }

    @Override
    public Map<MetricName, ? extends Metric> metrics() {
      return producer.metrics();
    }

    @Override
    public Uuid clientInstanceId(Duration timeout) {
      return producer.clientInstanceId(timeout);
    }

    @Override
    public void close() {
      producer.close();
    }

    @Override
    public void close(Duration timeout) {
      producer.close(timeout);
    }
  }
}
