package dev.lambdasec.source.aws.map;

import dev.lambdasec.model.Application;
import dev.lambdasec.model.Meta;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.ResourceKey;
import dev.lambdasec.model.Value;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The account and region being mapped, the builder, and the keys of the resources the snapshot
 * holds, so that references point at collected resources by key and at anything else by literal.
 */
final class RegionContext {

  final String account;
  final String region;
  final String scope;
  final Gaps gaps;
  final Application.Builder app;
  private final Map<String, ResourceKey> known = new HashMap<>();

  RegionContext(String account, String region, Gaps gaps, Application.Builder app) {
    this.account = account;
    this.region = region;
    this.scope = Scopes.region(account, region);
    this.gaps = gaps;
    this.app = app;
  }

  Meta meta(String id, String type) {
    return Meta.of(scope, id, type, Origin.ofResource(id));
  }

  /** Records that the resource known as {@code name} (an ARN or an id) has {@code id} here. */
  void register(String name, String id) {
    known.putIfAbsent(name, Scopes.key(scope, id));
  }

  /** A reference to a collected resource by key, or to anything else by its literal name. */
  Ref ref(String name) {
    ResourceKey key = known.get(name);
    return key != null ? Ref.to(key) : Ref.literal(name);
  }

  Value<Ref> ref(@Nullable String name, Origin origin) {
    return name == null || name.isEmpty() ? Value.absent(origin) : Value.set(ref(name), origin);
  }
}
