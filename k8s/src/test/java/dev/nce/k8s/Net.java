package dev.nce.k8s;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;

/**
 * A small evaluator of NetworkPolicies (the subset the chart uses: matchLabels selectors, ipBlocks, numeric ports),
 * so tests can ask "may pod A reach B on port P" instead of comparing YAML.
 */
final class Net {

    /** The release's namespace, as its namespace labels. */
    static final Map<String, String> OWN_NAMESPACE = Map.of("kubernetes.io/metadata.name", Chart.NAMESPACE);

    /** A party to a connection: pods (with their namespace's labels) or an IP address outside the cluster. */
    record Endpoint(Map<String, String> namespaceLabels, Map<String, String> podLabels, String ip) {
        static Endpoint pod(Map<String, String> podLabels) {
            return new Endpoint(OWN_NAMESPACE, podLabels, null);
        }

        static Endpoint pod(Map<String, String> namespaceLabels, Map<String, String> podLabels) {
            return new Endpoint(namespaceLabels, podLabels, null);
        }

        static Endpoint ip(String ip) {
            return new Endpoint(null, null, ip);
        }
    }

    private Net() {}

    /** The policies selecting pods with these labels in the release namespace. */
    static List<NetworkPolicy> selecting(List<NetworkPolicy> policies, Map<String, String> podLabels) {
        return policies.stream().filter(p -> matches(p.getSpec().getPodSelector(), podLabels)).toList();
    }

    /** Whether the policies of pods `from` allow their egress to `to` on port/protocol. */
    static boolean egressAllowed(List<NetworkPolicy> policies, Map<String, String> from, Endpoint to, int port, String protocol) {
        List<NetworkPolicy> applying = selecting(policies, from).stream()
                .filter(p -> p.getSpec().getPolicyTypes().contains("Egress")).toList();
        assertTrue(!applying.isEmpty(), "no egress policy selects " + from);
        return applying.stream().flatMap(p -> p.getSpec().getEgress().stream())
                .anyMatch(rule -> portsAllow(rule.getPorts(), port, protocol) && peersAllow(rule.getTo(), to));
    }

    /** Whether the policies of pods `to` allow ingress from `from` on port/protocol. */
    static boolean ingressAllowed(List<NetworkPolicy> policies, Map<String, String> to, Endpoint from, int port, String protocol) {
        List<NetworkPolicy> applying = selecting(policies, to).stream()
                .filter(p -> p.getSpec().getPolicyTypes().contains("Ingress")).toList();
        assertTrue(!applying.isEmpty(), "no ingress policy selects " + to);
        return applying.stream().flatMap(p -> p.getSpec().getIngress().stream())
                .anyMatch(rule -> portsAllow(rule.getPorts(), port, protocol) && peersAllow(rule.getFrom(), from));
    }

    private static boolean portsAllow(List<NetworkPolicyPort> ports, int port, String protocol) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        return ports.stream().anyMatch(p -> {
            IntOrString value = p.getPort();
            assertTrue(value == null || value.getIntVal() != null, "the chart uses numeric ports only: " + p);
            String proto = p.getProtocol() == null ? "TCP" : p.getProtocol();
            return proto.equals(protocol) && (value == null || value.getIntVal() == port);
        });
    }

    private static boolean peersAllow(List<NetworkPolicyPeer> peers, Endpoint endpoint) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        return peers.stream().anyMatch(peer -> peerMatches(peer, endpoint));
    }

    private static boolean peerMatches(NetworkPolicyPeer peer, Endpoint endpoint) {
        if (peer.getIpBlock() != null) {
            return endpoint.ip() != null && inBlock(peer.getIpBlock(), endpoint.ip());
        }
        if (endpoint.podLabels() == null) {
            return false;
        }
        boolean namespaceOk = peer.getNamespaceSelector() == null
                ? endpoint.namespaceLabels().equals(OWN_NAMESPACE)
                : matches(peer.getNamespaceSelector(), endpoint.namespaceLabels());
        boolean podOk = peer.getPodSelector() == null || matches(peer.getPodSelector(), endpoint.podLabels());
        return namespaceOk && podOk;
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        assertTrue(selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty(),
                "the chart uses matchLabels only");
        Map<String, String> required = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        return required.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private static boolean inBlock(IPBlock block, String ip) {
        return inCidr(block.getCidr(), ip)
                && (block.getExcept() == null || block.getExcept().stream().noneMatch(cidr -> inCidr(cidr, ip)));
    }

    static boolean inCidr(String cidr, String ip) {
        String[] parts = cidr.split("/");
        int bits = Integer.parseInt(parts[1]);
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (toLong(parts[0]) & mask) == (toLong(ip) & mask);
    }

    private static long toLong(String ip) {
        long value = 0;
        for (String octet : ip.split("\\.")) {
            value = (value << 8) | Integer.parseInt(octet);
        }
        return value;
    }
}
