Console.WriteLine("leeway");
