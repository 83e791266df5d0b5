namespace Workflow.Api.Pages.Layout;

/// <summary>A page component and the one model it shows; <see cref="PageResult"/> hands the model over.</summary>
public interface IPage<TModel>
{
    TModel Model { get; set; }
}
