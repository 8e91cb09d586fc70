package dev.novatrace.trace;

import dev.novatrace.config.Settings;

/**
 * One thing about the deployment a decided branch rests on: an option's value ({@code [quota]
 * driver = nova.quota.DbQuotaDriver (default)}) or what a policy rule says for the caller
 * ({@code policy compute:servers:resize:cross_cell = ! (default)}).
 *
 * @param key what is assumed, as a reader looks it up: {@code [quota] driver}, {@code policy
 *     compute:servers:resize:cross_cell}
 * @param describe the assumption, as the diagram's {@code # assumes} line states it
 */
record Assumed(String key, String describe) {
  static Assumed of(Settings.Setting s) {
    return new Assumed(s.option().key(), s.describe());
  }
}
