package dev.vigil.iot;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * Caps the native memory of all RocksDB stores of the process together. By default each store, and
 * each segment of a window store, gets its own block cache and memtables, so native memory grows
 * with partitions and segments; here they share one cache that also accounts for the memtables, as
 * Kafka Streams' memory-management guide recommends.
 */
public class BoundedRocksDbMemory implements RocksDBConfigSetter {

  /** Block cache, index and filter blocks and memtables of every store, together. */
  public static final long TOTAL_BYTES = 64L * 1024 * 1024;

  /** The part of {@link #TOTAL_BYTES} that memtables may take. */
  public static final long MEMTABLE_BYTES = 16L * 1024 * 1024;

  private static final double INDEX_AND_FILTER_RATIO = 0.1;

  static {
    RocksDB.loadLibrary();
  }

  private static final Cache CACHE = new LRUCache(TOTAL_BYTES, -1, false, INDEX_AND_FILTER_RATIO);
  private static final WriteBufferManager WRITE_BUFFERS =
      new WriteBufferManager(MEMTABLE_BYTES, CACHE);

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(CACHE);
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setWriteBufferManager(WRITE_BUFFERS);
    options.setTableFormatConfig(table);
  }

  @Override
  public void close(String storeName, Options options) {
    // The cache and the write-buffer manager are shared by every store of the process, so no
    // single store may close them.
  }
}
