package dev.novatrace.site;

import dev.novatrace.diagram.Diagram;
import dev.novatrace.diagram.Element;
import dev.novatrace.diagram.Participant;
import dev.novatrace.diff.Anchor;
import dev.novatrace.diff.Flattener;
import dev.novatrace.diff.RpcMessage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the index says about one action, read from its diagram: the participants it reaches, how
 * many messages it sends (replies not counted: they answer a message already counted), how many
 * of those write an instance state, its RPC methods, and the source anchors in order.
 */
record ActionFacts(List<String> services, int messages, int stateChanges, List<String> rpcMethods,
    List<Anchor> anchors) {

  /** A line of a save's label that writes a state: {@code vm_state = PAUSED}, {@code status}. */
  private static final Pattern STATE_LINE =
      Pattern.compile("^([A-Za-z_]\\w*\\.\\w+: )?(\\w*_state|status)(\\s*=.*)?$");
  /** Who sends the request: not a service the action reaches. */
  private static final String CLIENT = "client";

  ActionFacts {
    services = List.copyOf(services);
    rpcMethods = List.copyOf(rpcMethods);
    anchors = List.copyOf(anchors);
  }

  static ActionFacts of(Diagram d) {
    List<String> services = d.participants().stream().map(Participant::name)
        .filter(p -> !p.equals(CLIENT)).toList();
    Counter c = new Counter();
    c.walk(d.elements());
    Set<String> rpc = new TreeSet<>();
    Flattener.flatten(d).forEach(s -> RpcMessage.method(s).ifPresent(rpc::add));
    return new ActionFacts(services, c.messages, c.states, List.copyOf(rpc),
        new ArrayList<>(c.anchors));
  }

  private static final class Counter {
    int messages;
    int states;
    final Set<Anchor> anchors = new LinkedHashSet<>();

    void walk(List<Element> elements) {
      for (Element e : elements) {
        if (e instanceof Element.Message m && !isReply(m)) {
          messages++;
          states += m.text().lines().anyMatch(l -> STATE_LINE.matcher(l.strip()).matches()) ? 1
              : 0;
        } else if (e instanceof Element.Comment k) {
          Anchor.parse(k.text()).filter(a -> !a.function().isEmpty()).ifPresent(this::anchor);
        } else if (e instanceof Element.Block b) {
          b.sections().forEach(s -> walk(s.elements()));
        }
      }
    }

    /** The first line given for a function wins: anchors equal without their line. */
    private void anchor(Anchor a) {
      anchors.add(a);
    }

    private static boolean isReply(Element.Message m) {
      return m.arrow() == Element.Arrow.REPLY || m.arrow() == Element.Arrow.ASYNC_REPLY;
    }
  }
}
