package dev.retlsetup.demo;

import com.databricks.jdbc.model.client.thrift.generated.TCLIService;
import com.databricks.jdbc.model.client.thrift.generated.TCancelDelegationTokenReq;
import com.databricks.jdbc.model.client.thrift.generated.TCancelDelegationTokenResp;
import com.databricks.jdbc.model.client.thrift.generated.TCancelOperationReq;
import com.databricks.jdbc.model.client.thrift.generated.TCancelOperationResp;
import com.databricks.jdbc.model.client.thrift.generated.TCloseOperationReq;
import com.databricks.jdbc.model.client.thrift.generated.TCloseOperationResp;
import com.databricks.jdbc.model.client.thrift.generated.TCloseSessionReq;
import com.databricks.jdbc.model.client.thrift.generated.TCloseSessionResp;
import com.databricks.jdbc.model.client.thrift.generated.TExecuteStatementReq;
import com.databricks.jdbc.model.client.thrift.generated.TExecuteStatementResp;
import com.databricks.jdbc.model.client.thrift.generated.TFetchResultsReq;
import com.databricks.jdbc.model.client.thrift.generated.TFetchResultsResp;
import com.databricks.jdbc.model.client.thrift.generated.TGetCatalogsReq;
import com.databricks.jdbc.model.client.thrift.generated.TGetCatalogsResp;
import com.databricks.jdbc.model.client.thrift.generated.TGetColumnsReq;
import com.databricks.jdbc.model.client.thrift.generated.TGetColumnsResp;
import com.databricks.jdbc.model.client.thrift.generated.TGetCrossReferenceReq;
import com.databricks.jdbc.model.client.thrift.generated.TGetCrossReferenceResp;
import com.databricks.jdbc.model.client.thrift.generated.TGetDelegationTokenReq;
import com.databricks.jdbc.model.client.thrift.generated.TGetDelegationTokenResp;
import com.databricks.jdbc.model.client.thrift.generated.TGetFunctionsReq;
import com.databricks.jdbc.model.client.thrift.generated.TGetFunctionsResp;
import com.databricks.jdbc.model.client.thrift.generated.TGetInfoReq;
import com.databricks.jdbc.model.client.thrift.generated.TGetInfoResp;
import com.databricks.jdbc.model.client.thrift.generated.TGetInfoValue;
import com.databricks.jdbc.model.client.thrift.generated.TGetOperationStatusReq;
import com.databricks.jdbc.model.client.thrift.generated.TGetOperationStatusResp;
import com.databricks.jdbc.model.client.thrift.generated.TGetPrimaryKeysReq;
import com.databricks.jdbc.model.client.thrift.generated.TGetPrimaryKeysResp;
import com.databricks.jdbc.model.client.thrift.generated.TGetResultSetMetadataReq;
import com.databricks.jdbc.model.client.thrift.generated.TGetResultSetMetadataResp;
import com.databricks.jdbc.model.client.thrift.generated.TGetSchemasReq;
import com.databricks.jdbc.model.client.thrift.generated.TGetSchemasResp;
import com.databricks.jdbc.model.client.thrift.generated.TGetTableTypesReq;
import com.databricks.jdbc.model.client.thrift.generated.TGetTableTypesResp;
import com.databricks.jdbc.model.client.thrift.generated.TGetTablesReq;
import com.databricks.jdbc.model.client.thrift.generated.TGetTablesResp;
import com.databricks.jdbc.model.client.thrift.generated.TGetTypeInfoReq;
import com.databricks.jdbc.model.client.thrift.generated.TGetTypeInfoResp;
import com.databricks.jdbc.model.client.thrift.generated.THandleIdentifier;
import com.databricks.jdbc.model.client.thrift.generated.TNamespace;
import com.databricks.jdbc.model.client.thrift.generated.TOpenSessionReq;
import com.databricks.jdbc.model.client.thrift.generated.TOpenSessionResp;
import com.databricks.jdbc.model.client.thrift.generated.TOperationHandle;
import com.databricks.jdbc.model.client.thrift.generated.TOperationState;
import com.databricks.jdbc.model.client.thrift.generated.TOperationType;
import com.databricks.jdbc.model.client.thrift.generated.TProtocolVersion;
import com.databricks.jdbc.model.client.thrift.generated.TRenewDelegationTokenReq;
import com.databricks.jdbc.model.client.thrift.generated.TRenewDelegationTokenResp;
import com.databricks.jdbc.model.client.thrift.generated.TSessionHandle;
import com.databricks.jdbc.model.client.thrift.generated.TSparkDirectResults;
import com.databricks.jdbc.model.client.thrift.generated.TSparkRowSetType;
import com.databricks.jdbc.model.client.thrift.generated.TStatus;
import com.databricks.jdbc.model.client.thrift.generated.TStatusCode;
import dev.retlsetup.demo.ThriftSessions.Operation;
import java.util.List;

/**
 * The TCLIService the driver talks to: sessions, statements with direct results, status, metadata,
 * fetch and close. A failed statement is answered as live warehouses do (call status SUCCESS,
 * operation state ERROR with sqlState, errorMessage and displayMessage), which is what makes the
 * driver surface Databricks' text. The JDBC metadata calls (GetCatalogs, GetTables, ...) are not
 * emulated: the wizard uses SQL.
 */
final class ThriftService implements TCLIService.Iface {
    /** The newest version the driver's COLUMN_BASED_SET path handles without Arrow. */
    private static final TProtocolVersion MAX_PROTOCOL = TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V8;
    private static final long DEFAULT_BATCH = 10_000;

    /**
     * How long ExecuteStatement waits for a statement before answering "running" (the driver then
     * polls GetOperationStatus): short, so that the driver holds a handle it can cancel early.
     */
    static final long DIRECT_RESULTS_WAIT_MILLIS = 250;
    /** FetchResults is only asked for after FINISHED; this bounds a confused client's wait. */
    private static final long FETCH_WAIT_MILLIS = 60_000;

    private final ThriftSessions sessions;
    /** Who sent this call (from its bearer token): a session runs its statements as whoever opened it. */
    private final String principal;
    private final SqlEngine engine;
    private final java.util.concurrent.Executor statements;

    ThriftService(ThriftSessions sessions, SqlEngine engine, java.util.concurrent.Executor statements,
            String principal) {
        this.sessions = sessions;
        this.engine = engine;
        this.statements = statements;
        this.principal = principal;
    }

    @Override
    public TOpenSessionResp OpenSession(TOpenSessionReq req) {
        TNamespace requested = req.getInitialNamespace();
        String catalog = requested != null && requested.getCatalogName() != null
                ? Metastore.lower(requested.getCatalogName()) : engine.defaultCatalog();
        String schema = requested != null && requested.getSchemaName() != null
                ? Metastore.lower(requested.getSchemaName()) : "default";
        THandleIdentifier id = sessions.newHandle();
        sessions.openSession(id, new SqlSession(catalog, schema, principal));
        // The driver refuses anything at or below HIVE_CLI_SERVICE_PROTOCOL_V10 as "non Databricks compute".
        TProtocolVersion client = req.getClient_protocol();
        TProtocolVersion version = client != null && client.compareTo(TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V1) >= 0
                && client.compareTo(MAX_PROTOCOL) < 0 ? client : MAX_PROTOCOL;
        TNamespace namespace = new TNamespace();
        namespace.setCatalogName(catalog);
        namespace.setSchemaName(schema);
        return new TOpenSessionResp(ok(), version)
                .setSessionHandle(new TSessionHandle(id))
                .setInitialNamespace(namespace)
                .setCanUseMultipleCatalogs(true);
    }

    @Override
    public TCloseSessionResp CloseSession(TCloseSessionReq req) {
        sessions.closeSession(req.getSessionHandle().getSessionId());
        return new TCloseSessionResp(ok());
    }

    @Override
    public TGetInfoResp GetInfo(TGetInfoReq req) {
        String value = switch (req.getInfoType()) {
            case CLI_DBMS_NAME -> "Spark SQL";
            case CLI_DBMS_VER -> "3.5.0";
            case CLI_SERVER_NAME -> "Databricks SQL (demo workspace)";
            default -> "";
        };
        return new TGetInfoResp(ok(), TGetInfoValue.stringValue(value));
    }

    @Override
    public TExecuteStatementResp ExecuteStatement(TExecuteStatementReq req) {
        SqlSession session = sessions.session(req.getSessionHandle().getSessionId());
        if (session == null) {
            return new TExecuteStatementResp(invalidSession());
        }
        Operation operation = new Operation(System.currentTimeMillis());
        THandleIdentifier id = sessions.newHandle();
        sessions.addOperation(id, operation);
        String sql = req.getStatement();
        statements.execute(() -> {
            try {
                operation.finish(engine.execute(sql, session, operation.execution), null);
            } catch (SqlError e) {
                operation.finish(null, e);
            } catch (RuntimeException e) {
                operation.finish(null, DatabricksErrors.internal(e));
            }
        });
        boolean done = operation.await(DIRECT_RESULTS_WAIT_MILLIS);
        // A statement still running is (as far as the driver needs to know) a query with a result set.
        TOperationHandle handle = new TOperationHandle(id, TOperationType.EXECUTE_STATEMENT,
                !done || hasResultSet(operation));
        TExecuteStatementResp resp = new TExecuteStatementResp(ok()).setOperationHandle(handle);
        if (req.isSetGetDirectResults()) {
            TSparkDirectResults direct = new TSparkDirectResults().setOperationStatus(status(operation));
            if (done && operation.error == null) {
                long maxRows = req.getGetDirectResults().getMaxRows();
                TFetchResultsResp rows = fetch(operation, maxRows, false);
                direct.setResultSetMetadata(metadata(operation)).setResultSet(rows);
                // As Databricks does: a result delivered whole in the direct results closes its operation
                // there, and the driver sends no CloseOperation for it (one round trip less per statement).
                if (rows.getStatus().getStatusCode() == TStatusCode.SUCCESS_STATUS && !rows.isHasMoreRows()) {
                    sessions.closeOperation(id);
                    direct.setCloseOperation(new TCloseOperationResp(ok()));
                }
            }
            resp.setDirectResults(direct);
        }
        return resp;
    }

    @Override
    public TGetOperationStatusResp GetOperationStatus(TGetOperationStatusReq req) {
        Operation operation = sessions.operation(req.getOperationHandle().getOperationId());
        return operation == null ? new TGetOperationStatusResp(invalidOperation()) : status(operation);
    }

    @Override
    public TGetResultSetMetadataResp GetResultSetMetadata(TGetResultSetMetadataReq req) {
        Operation operation = sessions.operation(req.getOperationHandle().getOperationId());
        return operation == null ? new TGetResultSetMetadataResp(invalidOperation()) : metadata(operation);
    }

    @Override
    public TFetchResultsResp FetchResults(TFetchResultsReq req) {
        Operation operation = sessions.operation(req.getOperationHandle().getOperationId());
        if (operation == null) {
            return new TFetchResultsResp(invalidOperation());
        }
        operation.await(FETCH_WAIT_MILLIS);
        if (!operation.isDone() || operation.error != null) {
            return new TFetchResultsResp(failed(operation.error != null ? operation.error : DatabricksErrors.canceled()));
        }
        return fetch(operation, req.getMaxRows(), req.isIncludeResultSetMetadata());
    }

    @Override
    public TCloseOperationResp CloseOperation(TCloseOperationReq req) {
        sessions.closeOperation(req.getOperationHandle().getOperationId());
        return new TCloseOperationResp(ok());
    }

    @Override
    public TCancelOperationResp CancelOperation(TCancelOperationReq req) {
        Operation operation = sessions.operation(req.getOperationHandle().getOperationId());
        if (operation == null) {
            return new TCancelOperationResp(invalidOperation());
        }
        // Stops the engine statement; the operation ends CANCELED (a finished one stays finished).
        operation.execution.cancel();
        return new TCancelOperationResp(ok());
    }

    private static boolean hasResultSet(Operation operation) {
        return operation.error == null && operation.result != null && !operation.result.columns().isEmpty();
    }

    private static TGetOperationStatusResp status(Operation operation) {
        TGetOperationStatusResp resp = new TGetOperationStatusResp(ok())
                .setOperationStarted(operation.started);
        if (!operation.isDone()) {
            return resp.setOperationState(TOperationState.RUNNING_STATE);
        }
        resp.setOperationCompleted(operation.completed);
        if (operation.error != null && operation.canceled()) {
            return resp.setOperationState(TOperationState.CANCELED_STATE)
                    .setSqlState(operation.error.sqlState())
                    .setErrorMessage(serverErrorText(operation.error))
                    .setDisplayMessage(operation.error.getMessage());
        }
        if (operation.error == null) {
            return resp.setOperationState(TOperationState.FINISHED_STATE).setHasResultSet(hasResultSet(operation));
        }
        SqlError error = operation.error;
        return resp.setOperationState(TOperationState.ERROR_STATE)
                .setSqlState(error.sqlState())
                .setErrorCode(0)
                .setErrorMessage(serverErrorText(error))
                .setDisplayMessage(error.getMessage());
    }

    /** The errorMessage wrapper live warehouses send: the HiveServer2 exception around Spark's. */
    private static String serverErrorText(SqlError error) {
        return "org.apache.hive.service.cli.HiveSQLException: Error running query: [" + error.errorClass() + "] "
                + error.exceptionClass() + ": " + error.getMessage();
    }

    private static TGetResultSetMetadataResp metadata(Operation operation) {
        if (operation.error != null) {
            return new TGetResultSetMetadataResp(failed(operation.error));
        }
        return new TGetResultSetMetadataResp(ok())
                .setSchema(ThriftResults.schema(operation.result.columns()))
                .setResultFormat(TSparkRowSetType.COLUMN_BASED_SET);
    }

    private static TFetchResultsResp fetch(Operation operation, long maxRows, boolean withMetadata) {
        QueryResult result = operation.result;
        synchronized (result) {
            int from = result.fetched();
            try {
                List<List<Object>> rows = result.next((int) Math.min(Integer.MAX_VALUE,
                        maxRows > 0 ? maxRows : DEFAULT_BATCH));
                TFetchResultsResp resp = new TFetchResultsResp(ok())
                        .setHasMoreRows(result.hasMore())
                        .setResults(ThriftResults.rowSet(result.columns(), rows, from));
                if (withMetadata) {
                    resp.setResultSetMetadata(metadata(operation));
                }
                return resp;
            } catch (SqlError e) {
                return new TFetchResultsResp(failed(e));
            }
        }
    }

    private static TStatus ok() {
        return new TStatus(TStatusCode.SUCCESS_STATUS);
    }

    private static TStatus failed(SqlError error) {
        return new TStatus(TStatusCode.ERROR_STATUS).setSqlState(error.sqlState())
                .setErrorMessage(serverErrorText(error)).setDisplayMessage(error.getMessage());
    }

    private static TStatus invalidSession() {
        return new TStatus(TStatusCode.INVALID_HANDLE_STATUS).setSqlState("HY000")
                .setErrorMessage("Invalid SessionHandle: the session was closed or never opened on this warehouse");
    }

    private static TStatus invalidOperation() {
        return new TStatus(TStatusCode.INVALID_HANDLE_STATUS).setSqlState("HY000")
                .setErrorMessage("Invalid OperationHandle: the operation was closed or never existed");
    }

    private static TStatus notEmulated(String call) {
        return new TStatus(TStatusCode.ERROR_STATUS).setSqlState("0A000")
                .setErrorMessage(call + " is not emulated by the demo workspace; use SQL (SHOW CATALOGS, SHOW TABLES ...)");
    }

    @Override
    public TGetTypeInfoResp GetTypeInfo(TGetTypeInfoReq req) {
        return new TGetTypeInfoResp(notEmulated("GetTypeInfo"));
    }

    @Override
    public TGetCatalogsResp GetCatalogs(TGetCatalogsReq req) {
        return new TGetCatalogsResp(notEmulated("GetCatalogs"));
    }

    @Override
    public TGetSchemasResp GetSchemas(TGetSchemasReq req) {
        return new TGetSchemasResp(notEmulated("GetSchemas"));
    }

    @Override
    public TGetTablesResp GetTables(TGetTablesReq req) {
        return new TGetTablesResp(notEmulated("GetTables"));
    }

    @Override
    public TGetTableTypesResp GetTableTypes(TGetTableTypesReq req) {
        return new TGetTableTypesResp(notEmulated("GetTableTypes"));
    }

    @Override
    public TGetColumnsResp GetColumns(TGetColumnsReq req) {
        return new TGetColumnsResp(notEmulated("GetColumns"));
    }

    @Override
    public TGetFunctionsResp GetFunctions(TGetFunctionsReq req) {
        return new TGetFunctionsResp(notEmulated("GetFunctions"));
    }

    @Override
    public TGetPrimaryKeysResp GetPrimaryKeys(TGetPrimaryKeysReq req) {
        return new TGetPrimaryKeysResp(notEmulated("GetPrimaryKeys"));
    }

    @Override
    public TGetCrossReferenceResp GetCrossReference(TGetCrossReferenceReq req) {
        return new TGetCrossReferenceResp(notEmulated("GetCrossReference"));
    }

    @Override
    public TGetDelegationTokenResp GetDelegationToken(TGetDelegationTokenReq req) {
        return new TGetDelegationTokenResp(notEmulated("GetDelegationToken"));
    }

    @Override
    public TCancelDelegationTokenResp CancelDelegationToken(TCancelDelegationTokenReq req) {
        return new TCancelDelegationTokenResp(notEmulated("CancelDelegationToken"));
    }

    @Override
    public TRenewDelegationTokenResp RenewDelegationToken(TRenewDelegationTokenReq req) {
        return new TRenewDelegationTokenResp(notEmulated("RenewDelegationToken"));
    }
}
