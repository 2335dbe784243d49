package vn.commune.petition.domain.petition;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A fact recorded about a petition that is not a step of its handling (a lookup code replaced, a scan
 * attached): dated the day it was recorded, it changes no status or deadline, and the next step's date
 * is not checked against it.
 */
public sealed interface PetitionRecord extends PetitionEvent permits LookupCodeReplaced, ScanAttached {

    /** The simple names of these event types, as a petition view's steps name them. */
    Set<String> NAMES = Stream.of(PetitionRecord.class.getPermittedSubclasses())
            .map(Class::getSimpleName).collect(Collectors.toUnmodifiableSet());
}
