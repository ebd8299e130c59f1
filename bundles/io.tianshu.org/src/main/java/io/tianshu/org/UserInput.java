package io.tianshu.org;

import java.util.List;

/** A new user: name, initial password, display name and plant grants. */
public record UserInput(String username, String password, String displayName, List<Grant> grants) {}
