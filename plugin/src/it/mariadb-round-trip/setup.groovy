// The team's MariaDB server of steps 4 and 5: started here for this IT alone (or the one
// -Dschemadiff.test.mariadbUrl names), handed to those steps through server.properties, stopped by verify.groovy.
import io.schemadiff.testing.ItServer

def server = ItServer.start('mariadb', context)
try {
    ItServer.handToBuild(basedir, server.schemaProperties(null))
} catch (Throwable e) {
    ItServer.stop(context) // verify.groovy does not run after a failed setup
    throw e
}
true
