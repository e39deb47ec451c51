package io.powertools.idempotency.persistence;

import io.powertools.idempotency.testkit.PersistenceStoreContract;

/** The in-memory store keeps the store contract. */
class InMemoryPersistenceStoreContractTest extends PersistenceStoreContract {

    private final InMemoryPersistenceStore store = new InMemoryPersistenceStore();

    @Override
    protected PersistenceStore store() {
        return store;
    }
}
