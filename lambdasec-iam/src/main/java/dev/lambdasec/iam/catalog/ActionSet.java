package dev.lambdasec.iam.catalog;

import java.util.BitSet;
import java.util.stream.IntStream;

/**
 * An immutable set of actions of one {@link ActionCatalog}, as a bit set over the catalog's action
 * indexes: expansions of {@code s3:Get*} or {@code *}, {@code NotAction} complements and their
 * unions and differences are exact and cheap.
 */
public final class ActionSet {

  private final BitSet bits;
  private final int universe;

  ActionSet(BitSet bits, int universe) {
    this.bits = bits;
    this.universe = universe;
  }

  static ActionSet empty(int universe) {
    return new ActionSet(new BitSet(universe), universe);
  }

  static ActionSet all(int universe) {
    BitSet b = new BitSet(universe);
    b.set(0, universe);
    return new ActionSet(b, universe);
  }

  public boolean contains(ActionInfo action) {
    return bits.get(action.index());
  }

  public boolean contains(int index) {
    return bits.get(index);
  }

  public int size() {
    return bits.cardinality();
  }

  public boolean isEmpty() {
    return bits.isEmpty();
  }

  /** True when the set holds every action of its catalog. */
  public boolean isEverything() {
    return bits.cardinality() == universe;
  }

  public ActionSet union(ActionSet other) {
    BitSet b = (BitSet) bits.clone();
    b.or(other.bits);
    return new ActionSet(b, universe);
  }

  public ActionSet intersect(ActionSet other) {
    BitSet b = (BitSet) bits.clone();
    b.and(other.bits);
    return new ActionSet(b, universe);
  }

  public ActionSet minus(ActionSet other) {
    BitSet b = (BitSet) bits.clone();
    b.andNot(other.bits);
    return new ActionSet(b, universe);
  }

  /** Every action of the catalog not in this set: what {@code NotAction} grants. */
  public ActionSet complement() {
    BitSet b = (BitSet) bits.clone();
    b.flip(0, universe);
    return new ActionSet(b, universe);
  }

  public boolean containsAll(ActionSet other) {
    BitSet b = (BitSet) other.bits.clone();
    b.andNot(bits);
    return b.isEmpty();
  }

  public boolean intersects(ActionSet other) {
    return bits.intersects(other.bits);
  }

  /** The catalog indexes of the actions, ascending. */
  public IntStream indices() {
    return bits.stream();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ActionSet s && s.universe == universe && s.bits.equals(bits);
  }

  @Override
  public int hashCode() {
    return bits.hashCode();
  }

  @Override
  public String toString() {
    return "ActionSet[" + size() + " of " + universe + "]";
  }
}
