package io.tianshu.connector.modbus.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The read requests of one poll: one request per contiguous block of each register type. Addresses
 * of a type are sorted and merged into one block while the hole between them is at most {@code
 * maxGap} items and the block stays within the protocol's limit (125 registers, 2000 bits); reading
 * a few unused registers is cheaper than another round trip. Every signal's address is then found
 * at a {@link Location} (block, offset) of the poll's data.
 */
public final class ReadPlan {
  /** One read request. */
  public record Block(RegisterType type, int start, int count) {
    public int end() {
      return start + count - 1;
    }
  }

  /** Where an address's first item is in a poll's data: {@code data[block][offset]}. */
  public record Location(int block, int offset) {}

  private final List<Block> blocks;
  private final Map<RegisterAddress, Location> locations;

  private ReadPlan(List<Block> blocks, Map<RegisterAddress, Location> locations) {
    this.blocks = List.copyOf(blocks);
    this.locations = Map.copyOf(locations);
  }

  public List<Block> blocks() {
    return blocks;
  }

  /** Where the address is; throws when it was not planned. */
  public Location location(RegisterAddress a) {
    Location l = locations.get(a);
    if (l == null) {
      throw new IllegalArgumentException("address not planned: " + a);
    }
    return l;
  }

  /**
   * Plans the reads of these addresses.
   *
   * @param maxGap the largest number of unused items read between two addresses of one block (0:
   *     only adjacent or overlapping addresses share a request)
   */
  public static ReadPlan plan(Collection<RegisterAddress> addresses, int maxGap) {
    if (maxGap < 0) {
      throw new IllegalArgumentException("maxGap must not be negative / 读取间隙不能为负数");
    }
    Map<RegisterType, TreeSet<RegisterAddress>> byType = new EnumMap<>(RegisterType.class);
    Comparator<RegisterAddress> order =
        Comparator.comparingInt(RegisterAddress::address)
            .thenComparingInt(RegisterAddress::end)
            .thenComparing(RegisterAddress::toString);
    for (RegisterAddress a : addresses) {
      byType.computeIfAbsent(a.type(), t -> new TreeSet<>(order)).add(a);
    }
    List<Block> blocks = new ArrayList<>();
    Map<RegisterAddress, Location> locations = new HashMap<>();
    for (Map.Entry<RegisterType, TreeSet<RegisterAddress>> e : byType.entrySet()) {
      RegisterType type = e.getKey();
      int max = type.maxPerRequest();
      int start = -1;
      int end = -1;
      List<RegisterAddress> members = new ArrayList<>();
      for (RegisterAddress a : e.getValue()) {
        boolean fits =
            start >= 0
                && a.address() - end - 1 <= maxGap
                && Math.max(end, a.end()) - start + 1 <= max;
        if (!fits) {
          if (start >= 0) {
            close(type, start, end, members, blocks, locations);
          }
          start = a.address();
          end = a.end();
          members.clear();
        } else {
          end = Math.max(end, a.end());
        }
        members.add(a);
      }
      if (start >= 0) {
        close(type, start, end, members, blocks, locations);
      }
    }
    return new ReadPlan(blocks, locations);
  }

  private static void close(
      RegisterType type,
      int start,
      int end,
      List<RegisterAddress> members,
      List<Block> blocks,
      Map<RegisterAddress, Location> locations) {
    int index = blocks.size();
    blocks.add(new Block(type, start, end - start + 1));
    for (RegisterAddress m : members) {
      locations.put(m, new Location(index, m.address() - start));
    }
  }
}
