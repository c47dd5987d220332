// The team's PostgreSQL server: started here for this IT alone (or the one -Dschemadiff.test.postgresUrl
// names), handed to the build through server.properties, stopped by verify.groovy.
import io.schemadiff.testing.ItServer

def server = ItServer.start('postgresql', context)
ItServer.handToBuild(basedir, server.schemaProperties(null))
true
