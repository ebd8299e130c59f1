package io.tianshu.quality;

import java.util.List;

/**
 * The dispositions proposed for a nonconformance; they replace an earlier proposal.
 *
 * @param dispositions the lines, whose quantities add up to the NC quantity
 * @param version the NC's version last read, or null
 */
public record DispositionProposal(List<DispositionInput> dispositions, Long version) {}
