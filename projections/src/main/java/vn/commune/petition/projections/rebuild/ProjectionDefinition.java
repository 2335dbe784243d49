package vn.commune.petition.projections.rebuild;

import java.util.List;
import java.util.function.Function;
import vn.commune.petition.projections.commune.EventCommune;

/**
 * A read model that can be rebuilt from the event store: its name (the Axon processing group), its
 * tables, how to make a fresh instance of its event handler writing through given writes, and, if it
 * has one, its set-based rebuild: statements that write its tables from all the stored events at once
 * (SetBasedLoad says what parameters they are given); its derived statements, which compute the tables
 * that its triggers keep from the rows of the others at once, after a rebuild's or a verification's
 * load and before the triggers are made (Copy#derive); and the commune of the events that carry none.
 */
public record ProjectionDefinition(String name, List<String> tables, Function<ProjectionWrites, Object> handlerFactory,
                                   List<String> setBasedRebuild, List<String> derived, EventCommune communes) {

    public ProjectionDefinition {
        tables = List.copyOf(tables);
        setBasedRebuild = List.copyOf(setBasedRebuild);
        derived = List.copyOf(derived);
    }

    /** A read model rebuilt only by replaying its handlers, with no table kept by triggers. */
    public ProjectionDefinition(String name, List<String> tables, Function<ProjectionWrites, Object> handlerFactory) {
        this(name, tables, handlerFactory, List.of(), List.of(), new EventCommune(""));
    }

    /** How this read model can be rebuilt; the first is how it is when no method is asked for. */
    public List<RebuildMethod> methods() {
        return setBasedRebuild.isEmpty() ? List.of(RebuildMethod.HANDLERS)
                : List.of(RebuildMethod.SQL, RebuildMethod.HANDLERS);
    }
}
