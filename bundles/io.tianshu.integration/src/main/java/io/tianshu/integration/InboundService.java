package io.tianshu.integration;

import io.tianshu.core.CallerContext;
import java.util.List;

/**
 * Inbound messages, exactly once per message id, and the dead letters of those that failed.
 * Dead-letter operations are for group administrators.
 */
public interface InboundService {

  /** Header naming the command of a message sent to {@link #ENDPOINT}. */
  String COMMAND_HEADER = "TianshuCommand";

  /** Header carrying the sender's unique message id. */
  String MESSAGE_ID_HEADER = "TianshuMessageId";

  /** The Camel endpoint that accepts inbound commands. */
  String ENDPOINT = "direct:tianshu-inbound";

  /**
   * Runs {@code command} once per {@code messageId}: in one transaction the id is recorded and the
   * command's change made; a message id that already committed changes nothing and returns the
   * first result with {@code duplicate} set. Unknown commands and missing ids are refused.
   */
  InboundResult accept(CallerContext caller, String messageId, String command, String payload);

  /** Dead letters, newest first; {@code status} null for all. */
  List<DeadLetter> deadLetters(CallerContext caller, String status, int limit);

  DeadLetter deadLetter(CallerContext caller, long id);

  /**
   * Runs an OPEN dead letter's message again as the inbound user: RESOLVED when it succeeds (or its
   * id had committed meanwhile); otherwise it stays OPEN with the new reason and one more attempt.
   */
  DeadLetter retry(CallerContext caller, long id);

  /** Marks an OPEN dead letter DISCARDED: it will not be retried. */
  DeadLetter discard(CallerContext caller, long id);

  /** The names of the commands served now. */
  List<String> commands();
}
