namespace Workflow.Application.SupplierLinks;

public enum LinkStatus { Valid, Tampered, Expired }
