namespace ReferenceFlow.Email;

public enum EmailMode
{
    Pickup,
    Smtp,
}
