package dev.novatrace.history;

import java.util.List;

/**
 * An action at one ref: whether it exists there, how many steps its diagram has, and the source
 * anchors that moved since the previous ref that had it ({@code nova/network/neutronv2/api.py
 * ... -> nova/network/neutron.py ...}).
 */
public record RefState(String ref, boolean present, int steps, List<String> moved) {
  public RefState {
    moved = List.copyOf(moved);
  }
}
