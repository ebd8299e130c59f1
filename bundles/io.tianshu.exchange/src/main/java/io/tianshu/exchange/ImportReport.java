package io.tianshu.exchange;

import java.util.Map;

/** What an import created (or, for a dry run, would create), per section, and how long it took. */
public record ImportReport(boolean dryRun, Map<String, Integer> created, long milliseconds) {}
