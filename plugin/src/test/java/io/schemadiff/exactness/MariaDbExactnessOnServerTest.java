package io.schemadiff.exactness;

import io.schemadiff.reference.ScratchServer;
import io.schemadiff.testing.SharedMariaDb;

/** The MariaDB exactness suite on the machine's MariaDB server ({@code schema.reference=server}). */
class MariaDbExactnessOnServerTest extends MariaDbExactnessSuite {

    @Override
    ScratchServer server() {
        return SharedMariaDb.server();
    }
}
