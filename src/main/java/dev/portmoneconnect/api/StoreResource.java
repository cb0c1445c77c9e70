package dev.portmoneconnect.api;

import dev.portmoneconnect.ledger.StoreBackup;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/store")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Store", description = "The embedded store: backups")
public class StoreResource {

    @Inject
    StoreBackup backup;

    @POST
    @Path("/backup")
    @Operation(summary = "Write a consistent copy of the embedded store into connect.store.backup-folder (data/backups)"
            + " while the app runs; answers the file, its size and how long it took. PostgreSQL: 409, use pg_dump")
    public StoreBackup.Backup backUp() {
        return backup.backUp();
    }
}
