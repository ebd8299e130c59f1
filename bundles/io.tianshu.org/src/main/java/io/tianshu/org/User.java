package io.tianshu.org;

import java.util.List;

/** A Tianshu user: the password lives in the JAAS realm, the grants here. */
public record User(
    String username, String displayName, String status, List<Grant> grants, long version) {}
