package io.tianshu.connector.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Measured values on their way to the database, written in batches (one transaction per batch
 * instead of one per value: a machine may send thousands of values a second). Plain Java. Values
 * are samples, not counts: while the database refuses them the buffer keeps at most {@code
 * capacity} values and drops the oldest beyond that, counting what it dropped. Batches are written
 * one at a time, in order.
 */
final class MeasurementBuffer {
  /** One measured value. */
  record Value(String signal, double value, Instant at) {}

  /** Writes one batch in one transaction; throws when nothing was written. */
  interface Writer {
    void write(List<Value> batch) throws Exception;
  }

  private final int capacity;
  private final int batchSize;
  private final Writer writer;
  private final ArrayDeque<Value> pending = new ArrayDeque<>();
  private final Object writing = new Object();
  private long dropped;
  private long written;
  private String lastError;

  MeasurementBuffer(int capacity, int batchSize, Writer writer) {
    if (batchSize < 1 || capacity < batchSize) {
      throw new IllegalArgumentException("need 1 <= batchSize <= capacity");
    }
    this.capacity = capacity;
    this.batchSize = batchSize;
    this.writer = writer;
  }

  /** Adds a value; true when a full batch is waiting (the caller may flush at once). */
  synchronized boolean add(Value v) {
    if (pending.size() == capacity) {
      pending.removeFirst();
      dropped++;
    }
    pending.addLast(v);
    return pending.size() >= batchSize;
  }

  /**
   * Writes what is pending, batch by batch; stops at the first failure and keeps that batch for the
   * next flush. Returns how many values were written.
   */
  int flush() {
    synchronized (writing) {
      int done = 0;
      while (true) {
        List<Value> batch = new ArrayList<>();
        synchronized (this) {
          while (batch.size() < batchSize && !pending.isEmpty()) {
            batch.add(pending.removeFirst());
          }
        }
        if (batch.isEmpty()) {
          return done;
        }
        try {
          writer.write(batch);
        } catch (Exception e) {
          synchronized (this) {
            // back to the front, in order; what no longer fits is the oldest and is dropped
            for (int i = batch.size() - 1; i >= 0; i--) {
              if (pending.size() == capacity) {
                dropped++;
              } else {
                pending.addFirst(batch.get(i));
              }
            }
            lastError = "measured values not stored, retried: " + e.getMessage();
          }
          return done;
        }
        done += batch.size();
        synchronized (this) {
          written += batch.size();
          lastError = null;
        }
      }
    }
  }

  synchronized int pending() {
    return pending.size();
  }

  synchronized long dropped() {
    return dropped;
  }

  synchronized long written() {
    return written;
  }

  synchronized String lastError() {
    return lastError;
  }
}
