package io.schemadiff.exactness;

import io.schemadiff.reference.ScratchServer;
import io.schemadiff.testing.SharedMariaDb;

/** The MariaDB exactness suite on the embedded MariaDB, the plugin's default reference. */
class MariaDbExactnessOnEmbeddedTest extends MariaDbExactnessSuite {

    @Override
    ScratchServer server() {
        return SharedMariaDb.embedded();
    }
}
