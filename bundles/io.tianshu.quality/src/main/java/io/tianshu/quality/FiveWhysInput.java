package io.tianshu.quality;

import java.util.List;

/**
 * A five-whys chain, replacing the earlier one.
 *
 * @param whys the answers in order: why 1, why 2, …
 * @param rootCause the root cause the chain ends in
 * @param version the 8D's version last read, or null
 */
public record FiveWhysInput(List<String> whys, String rootCause, Long version) {}
